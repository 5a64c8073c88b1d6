
// Offline support (appended to the start-up script by scripts/pwa.mjs). The app listens for
// "keyplan:update-ready" and shows "A new version is ready"; its Reload button calls
// window.keyplanApplyUpdate(), which lets the waiting worker take over, then reloads once.
if ("serviceWorker" in navigator) {
  let waiting = null;
  const ready = (worker) => {
    waiting = worker;
    window.keyplanUpdateReady = true;
    window.dispatchEvent(new CustomEvent("keyplan:update-ready"));
  };
  window.keyplanApplyUpdate = () => {
    if (!waiting) return false;
    let reloaded = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (!reloaded) {
        reloaded = true;
        window.location.reload();
      }
    });
    waiting.postMessage("keyplan:activate");
    return true;
  };
  navigator.serviceWorker
    .register("./sw.js")
    .then((registration) => {
      const watch = (worker) => {
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) ready(worker);
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) ready(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener("updatefound", () => watch(registration.installing));
      // A rep may keep the app open for days: look for a new version when it comes back.
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") registration.update().catch(() => {});
      });
    })
    .catch((error) => console.warn("KeyPlan works online only here:", error));
}

// The page before the app runs (prepended to the start-up script by scripts/pwa.mjs): index.html
// draws KeyPlan's header and says what is coming; this puts it in the rep's language and lists
// their plans from the index key while the WebAssembly loads. The app removes #shell when it
// mounts. Text is set as text, never as HTML; any surprise leaves the static page as it is.
(() => {
  const shell = document.getElementById("shell");
  if (!shell) return;
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch {
      return null;
    }
  };
  const chosen = read("keyplan:settings")?.settings?.lang;
  const zh = chosen ? chosen === "zh" : (navigator.language || "").toLowerCase().startsWith("zh");
  const set = (id, text) => {
    const e = document.getElementById(id);
    if (e) e.textContent = text;
  };
  if (zh) {
    document.documentElement.lang = "zh-Hans";
    set("shell-heading", "我的大客户");
    set("shell-title", "为最重要的客户做好计划");
    set("shell-intro", "KeyPlan 用七个简短的步骤带你完成一份大客户计划：这个客户为什么重要、客户是谁、谁说了算、要达到什么目标、要做什么、需要哪些资源，以及如何让各方知情并定期回顾。");
    set("shell-status", "正在打开 KeyPlan…");
  }
  const plans = read("keyplan:index")?.plans;
  if (!Array.isArray(plans)) return;
  const names = plans.filter((p) => p && typeof p.name === "string" && !p.archived).map((p) => p.name);
  if (names.length === 0) return;
  const intro = document.getElementById("shell-intro");
  if (intro) intro.hidden = true;
  set("shell-title", zh ? `你的 ${names.length} 份计划` : `Your ${names.length} account plan${names.length === 1 ? "" : "s"}`);
  const list = document.getElementById("shell-plans");
  for (const name of names.slice(0, 12)) {
    const li = document.createElement("li");
    li.textContent = name;
    list.append(li);
  }
  if (names.length > 12) {
    const li = document.createElement("li");
    li.textContent = zh ? `……还有 ${names.length - 12} 份` : `… and ${names.length - 12} more`;
    list.append(li);
  }
})();

// Resolves once the static page above has been painted: when the browser reports its first
// contentful paint (a browser may hold the first frames of a page, so a frame having run is not
// enough). At once in a hidden tab, which paints nothing until it is shown; after two frames where
// paint timing is unknown; after 3 s at the latest, so the app never waits on a report that does not
// come. The paint is read from the observer's own entries, not performance.getEntriesByName, which
// a test's fake clock (Playwright's page.clock) replaces with a stub that finds nothing.
// scripts/pwa.mjs makes the app's start wait for it, so the page's text is what a phone shows
// first (and Lighthouse's largest contentful paint) rather than a blank screen until the app mounts.
const keyplanShellPainted = () =>
  new Promise((resolve) => {
    if (document.visibilityState === "hidden") return resolve();
    if (!(PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
      return requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === "first-contentful-paint")) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(() => {
      observer.disconnect();
      resolve();
    }, 3000);
  });

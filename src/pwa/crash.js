// Shown when KeyPlan hits a bug (prepended to the start-up script by scripts/pwa.mjs). A release
// build aborts on a panic (a wasm trap) rather than shipping Rust's panic formatting, so the
// message comes from here. The text is set as text, never as HTML.
const keyplanCrash = () => {
  if (document.querySelector(".crash")) return;
  const zh = (document.documentElement.lang || "").startsWith("zh");
  const div = document.createElement("div");
  div.className = "crash";
  div.setAttribute("role", "alert");
  div.textContent = zh
    ? "KeyPlan 因错误而停止。最后一次“已保存”之前的内容都保存在此浏览器中。请重新加载页面后继续。"
    : "KeyPlan stopped because of an error. Everything up to your last “Saved” is kept in this browser. Reload the page to continue.";
  document.body.prepend(div);
};
const keyplanIsWasmError = (e) =>
  e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError;
window.addEventListener("error", (event) => {
  if (keyplanIsWasmError(event.error)) keyplanCrash();
});
window.addEventListener("unhandledrejection", (event) => {
  if (keyplanIsWasmError(event.reason)) keyplanCrash();
});

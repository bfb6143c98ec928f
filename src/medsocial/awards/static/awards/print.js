// "Print this certificate" buttons (no inline scripts under the site's CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

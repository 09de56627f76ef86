// Navigator result: shows a "Print" button that opens the browser's print dialog. Without
// JavaScript the button stays hidden and the browser's own print command works the same.
document.querySelectorAll("[data-navigator-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

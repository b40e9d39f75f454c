// Small enhancements that the pages work without: copy a draft, print a letter.
"use strict";

document.addEventListener("click", (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    const source = document.querySelector(copy.dataset.copy);
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent).then(
      () => { copy.textContent = "Copied"; },
      () => { copy.textContent = "Select the text and copy it"; }
    );
  }
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

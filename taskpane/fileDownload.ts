// Hands a file made in the page to the browser as a download: a Blob, an object URL and an
// <a download>, which the browser host and Excel's task pane (a web view) both take. Nothing is sent
// anywhere: the bytes stay in the page until the user saves them.

/** Starts the download; the object URL lives only long enough for the click to take it. */
export function downloadFile(data: BlobPart, fileName: string, type: string): void {
  const blob = new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

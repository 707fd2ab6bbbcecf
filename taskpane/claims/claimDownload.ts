// Hands an 837P file to the browser as a download from the pane: a Blob and an <a download>, which
// the browser host and Excel's task pane (a web view) both take. Nothing is sent anywhere: the text
// stays in the page until the user saves it.
import type { ExportedFile } from "./claimsRun";

/** Starts the download of the file; the object URL lives only long enough for the click to take it. */
export function downloadClaimFile(file: Pick<ExportedFile, "name" | "text">): void {
  // X12 is plain ASCII text; application/octet-stream keeps a browser from opening it in a tab.
  const blob = new Blob([file.text], { type: "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

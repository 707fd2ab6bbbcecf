// Hands an 837P file to the browser as a download from the pane (fileDownload: a Blob and an
// <a download>). Nothing is sent anywhere: the text stays in the page until the user saves it.
import { downloadFile } from "../fileDownload";
import type { ExportedFile } from "./claimsRun";

/** Starts the download of the file. */
export function downloadClaimFile(file: Pick<ExportedFile, "name" | "text">): void {
  // X12 is plain ASCII text; application/octet-stream keeps a browser from opening it in a tab.
  downloadFile(file.text, file.name, "application/octet-stream");
}

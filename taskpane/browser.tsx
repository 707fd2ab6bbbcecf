// The browser host's entry: the task pane and a sheet preview over an .xlsx file, in a plain page
// with no Office.js. Rendering starts when the page has loaded; importing this does nothing else.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PANE_ROOT_OPTIONS } from "./App";
import { BrowserHost } from "./browser/BrowserHost";

window.addEventListener("DOMContentLoaded", () => {
  createRoot(document.getElementById("root")!, PANE_ROOT_OPTIONS).render(
    <FluentProvider theme={webLightTheme}>
      <BrowserHost />
    </FluentProvider>,
  );
});

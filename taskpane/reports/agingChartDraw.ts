// Draws the A/R chart on a canvas with Chart.js. Only AgingChart imports this, through import(), so
// Chart.js is a chunk of its own that the page fetches the first time a report is shown. Only what a
// stacked bar chart needs is registered (no chart.js/auto), once, on the first draw rather than at
// import. Animation is off: the chart is drawn at once, the same every time (tests, screenshots).
// Chart.js makes no request and keeps nothing in storage; nothing here adds either.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import { formatMoney } from "../../src/money";
import { dollarTick, type AgingChartView } from "./reportView";

let registered = false;

function register(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  registered = true;
}

/** The chart drawn on `canvas`; destroy it before drawing another on the same canvas. */
export function drawAgingChart(canvas: HTMLCanvasElement, view: AgingChartView): { destroy(): void } {
  register();
  const style = getComputedStyle(canvas);
  const font = { family: style.fontFamily, size: 11 };
  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: {
      labels: view.labels,
      datasets: view.series.map((s) => ({
        label: s.name,
        data: s.dollars,
        backgroundColor: s.color,
        borderWidth: 0,
        maxBarThickness: 40,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: style.color,
      font,
      // The canvas carries its own aria-label (AgingChart); Chart.js adds no other text.
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 10, boxHeight: 10, padding: 8, font } },
        tooltip: {
          callbacks: {
            title: (items) => (items.length > 0 ? `${items[0].label} days` : ""),
            // Dollars on the axis; the tooltip gives the cents, from the engine's own amounts.
            label: (item) => `${item.dataset.label}: ${formatMoney(view.series[item.datasetIndex].cents[item.dataIndex])}`,
          },
        },
      },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font }, title: { display: true, text: "Days", font } },
        y: { stacked: true, beginAtZero: true, ticks: { font, callback: (value) => dollarTick(Number(value)), maxTicksLimit: 6 } },
      },
    },
    plugins: [
      {
        // So a test (and a screenshot) can wait until the bars are on the canvas.
        id: "drawnMark",
        afterRender: (chart) => chart.canvas.setAttribute("data-drawn", "yes"),
      },
    ],
  };
  return new Chart(canvas, config);
}

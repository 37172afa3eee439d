// An entry point of its own, apart from the library's index: the app's first page imports that index, and Chart.js
// must load only with the charts (each user imports LineChartCanvas inside a `@defer` block).
export * from './line-chart-canvas';

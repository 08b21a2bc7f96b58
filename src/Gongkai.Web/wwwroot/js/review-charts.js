// Draws the roll-up charts with Apache ECharts (served from /lib/echarts, installed from npm at build).
// Without JavaScript or ECharts the same figures are in the tables below each chart.
(function () {
  if (typeof echarts === 'undefined') return;
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    const labels = JSON.parse(el.dataset.labels);
    const values = JSON.parse(el.dataset.values);
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      title: { text: el.dataset.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 260, overflow: 'truncate' } },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#b8121b' }, label: { show: true, position: 'right' } }],
      animation: false
    });
    el.style.height = Math.max(240, labels.length * 26 + 60) + 'px';
    chart.resize();
  });
})();

// Draws the dashboard's charts with Chart.js from the data-chart attribute each canvas carries (JSON made by the
// server), so the page needs no inline script.
(function () {
    var palette = ['#2255aa', '#c77700', '#2e8b57', '#a11', '#7a4fbf', '#0099a8', '#667085'];
    function draw(canvas) {
        var data = JSON.parse(canvas.getAttribute('data-chart'));
        var kind = canvas.getAttribute('data-kind');
        data.datasets.forEach(function (set, i) {
            set.backgroundColor = set.backgroundColor || palette[i % palette.length];
            set.borderColor = set.borderColor || palette[i % palette.length];
        });
        var options = { responsive: true, maintainAspectRatio: false, animation: false,
                        plugins: { legend: { position: 'bottom' } } };
        if (kind === 'stacked') {
            options.scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } };
        } else if (kind === 'share') {
            options.scales = { share: { type: 'linear', position: 'left', min: 0, max: 100 },
                               count: { type: 'linear', position: 'right', beginAtZero: true, ticks: { precision: 0 },
                                        grid: { drawOnChartArea: false } } };
            options.spanGaps = true;
        }
        new Chart(canvas, { type: 'bar', data: data, options: options });
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();

// The home dashboard's charts (templates/home.html): ECharts from its webjar, data from #dashboard-charts.
// Each chart's figures are also in a table beside it; without script the page still reads.
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("dashboard-charts");
  if (!source || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent || "{}");
  function draw(id, option) {
    var element = document.getElementById(id);
    if (element) {
      echarts.init(element).setOption(option);
    }
  }
  draw("chart-status", {
    tooltip: {trigger: "item"},
    series: [{type: "pie", radius: ["35%", "65%"], data: data.status || [],
      label: {formatter: "{b}：{c}"}}]
  });
  draw("chart-paid", {
    tooltip: {trigger: "axis"},
    xAxis: {type: "category", data: (data.paid || []).map(function (p) { return p.name; })},
    yAxis: {type: "value", name: "元"},
    series: [{type: "bar", name: "结算支付", data: (data.paid || []).map(function (p) { return p.value; })}]
  });
  draw("chart-balances", {
    tooltip: {trigger: "axis"},
    grid: {left: 180},
    xAxis: {type: "value", name: "元"},
    yAxis: {type: "category", inverse: true, data: (data.balances || []).map(function (b) { return b.name; })},
    series: [{type: "bar", name: "预付金余额", data: (data.balances || []).map(function (b) { return b.value; })}]
  });
});

// Polls /state.json and shows it; reloads the frame and input pictures when the frame changes.
(function () {
  'use strict';
  var POLL_MS = 200;
  var bars = document.getElementById('bars');
  var frameImg = document.getElementById('frame-img');
  var inputImg = document.getElementById('input-img');
  var shownFrame = null;
  var fills = [];
  var labels = [];

  for (var d = 0; d < 10; d++) {
    var bar = document.createElement('div');
    bar.className = 'bar';
    bar.id = 'bar-' + d;
    var p = document.createElement('span');
    p.className = 'p';
    var fill = document.createElement('div');
    fill.className = 'fill';
    var digit = document.createElement('span');
    digit.className = 'd';
    digit.textContent = String(d);
    bar.appendChild(p);
    bar.appendChild(fill);
    bar.appendChild(digit);
    bars.appendChild(bar);
    fills.push(fill);
    labels.push(p);
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function duration(micros) {
    return micros >= 1000 ? (micros / 1000).toFixed(1) + ' ms' : micros.toFixed(0) + ' µs';
  }

  function showReading(s) {
    var number = s.text !== undefined;
    var meter = s.value !== undefined;
    var big = document.getElementById('digit');
    var lines = document.getElementById('text');
    big.hidden = number;
    lines.hidden = !number;
    document.getElementById('meter').hidden = !meter;
    if (number) {
      lines.textContent = s.text === null ? '–' : s.text;
    } else if (meter) {
      big.textContent = s.value === null ? '–' : String(s.value);
      text('raw', s.raw);
      text('status', s.status);
    } else {
      big.textContent = s.digit === null ? '–' : String(s.digit);
    }
  }

  function show(s) {
    showReading(s);
    var named = s.digit !== null || (s.text !== undefined && s.text !== null)
        || (s.value !== undefined && s.status === 'ok');
    text('confidence', named ? (100 * s.confidence).toFixed(1) + ' %' : '–');
    text('frame', s.frame === null ? '–' : String(s.frame));
    text('mode', s.mode);
    document.getElementById('trigger').hidden = s.mode !== 'trigger' || !s.running;
    text('p50', duration(s.latency_us.p50));
    text('p99', duration(s.latency_us.p99));
    text('fps', s.fps.toFixed(1) + ' fps');
    var status = document.getElementById('status');
    status.textContent = s.running ? 'running' : 'ended: ' + s.ended;
    status.className = s.running ? 'status' : 'status down';
    for (var d = 0; d < 10; d++) {
      var p = s.probabilities === null ? 0 : s.probabilities[d];
      fills[d].style.height = (100 * p).toFixed(1) + '%';
      labels[d].textContent = s.probabilities === null ? '' : (100 * p).toFixed(0);
      fills[d].parentNode.className = s.digit === d ? 'bar best' : 'bar';
    }
    if (s.last_read !== null && s.last_read !== shownFrame) {
      shownFrame = s.last_read;
      frameImg.src = '/frame.jpg?frame=' + s.last_read;
      inputImg.src = '/input.png?frame=' + s.frame;
    }
  }

  function poll() {
    fetch('/state.json', {cache: 'no-store'})
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () {
        var status = document.getElementById('status');
        status.textContent = 'no connection to the edge runtime';
        status.className = 'status down';
      })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }

  document.getElementById('trigger').addEventListener('click', function () {
    fetch('/trigger', {method: 'POST'});
  });

  poll();
})();

// Check-in with the phone's camera: reads a ticket's QR code and submits it through the same
// form staff type codes into. Uses the browser's BarcodeDetector where it reads QR codes, and
// otherwise the vendored jsQR reader (loaded from this site only when needed, as the CSP wants).
// Without a camera, or when the person refuses it, the typed form works as before.
(function () {
  "use strict";
  var root = document.querySelector("[data-qr-scanner]");
  if (!root || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var startButton = root.querySelector("[data-scan-start]");
  var stopButton = root.querySelector("[data-scan-stop]");
  var video = root.querySelector("video");
  var status = root.querySelector("[data-scan-status]");
  var stream = null;
  var detector = null;
  var canvas = null;
  var running = false;
  var lastText = "";
  var lastAt = 0;
  root.hidden = false;

  function say(text) {
    status.textContent = text;
  }

  function loadFallbackReader() {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) return resolve();
      var script = document.createElement("script");
      script.src = root.getAttribute("data-fallback-reader");
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("The QR reader could not be loaded.")); };
      document.head.appendChild(script);
    });
  }

  function chooseReader() {
    if (!("BarcodeDetector" in window)) return loadFallbackReader();
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf("qr_code") === -1) return loadFallbackReader();
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      root.setAttribute("data-reader", "barcode-detector");
    }, loadFallbackReader);
  }

  function submitCode(text) {
    var now = Date.now();
    // The same ticket held in front of the camera is read many times a second.
    if (text === lastText && now - lastAt < 4000) return;
    lastText = text;
    lastAt = now;
    var form = document.querySelector(".checkin-form");
    var field = form && form.querySelector("[name=payload]");
    if (!field) return;
    field.value = text;
    say("Ticket read; checking it in…");
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  function readWithFallback() {
    var width = video.videoWidth;
    var height = video.videoHeight;
    canvas = canvas || document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0, width, height);
    var code = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, {
      inversionAttempts: "dontInvert"
    });
    return Promise.resolve(code && code.data ? code.data : "");
  }

  function readWithDetector() {
    return detector.detect(video).then(function (codes) {
      return codes.length ? codes[0].rawValue : "";
    });
  }

  function readFrame() {
    if (!running) return;
    if (video.readyState < 2 || !video.videoWidth) {
      setTimeout(readFrame, 100);
      return;
    }
    (detector ? readWithDetector() : readWithFallback()).then(function (text) {
      if (text) submitCode(text);
      setTimeout(readFrame, 200);
    }, function () {
      setTimeout(readFrame, 400);
    });
  }

  function stop() {
    running = false;
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    startButton.hidden = false;
    stopButton.hidden = true;
  }

  function start() {
    say("Starting the camera…");
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        startButton.hidden = true;
        stopButton.hidden = false;
        return video.play();
      })
      .then(chooseReader)
      .then(function () {
        running = true;
        if (!root.hasAttribute("data-reader")) root.setAttribute("data-reader", "jsqr");
        say("Hold a ticket's QR code in front of the camera.");
        readFrame();
      })
      .catch(function (error) {
        stop();
        say("The camera is not available (" + error.message + "). Type the ticket code below instead.");
      });
  }

  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", function () {
    stop();
    say("Camera off.");
  });
  window.addEventListener("pagehide", stop);
  document.body.addEventListener("htmx:afterSwap", function () {
    if (running) say("Ready for the next ticket.");
  });
})();

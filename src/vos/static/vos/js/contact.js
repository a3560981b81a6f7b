// The contact form's proof of work: find a number that, written after the form's
// challenge, gives a SHA-256 starting with as many zero bits as the server asks. It starts
// when the page opens, so it is usually done before the message is written. Without
// JavaScript (or without WebCrypto), the server accepts the form after a short wait.
(function () {
  "use strict";
  const form = document.querySelector("form[data-work-bits]");
  if (!form || !(window.crypto && window.crypto.subtle)) return;
  const bits = parseInt(form.dataset.workBits, 10);
  const challenge = form.querySelector("input[name=challenge]");
  const nonce = form.querySelector("input[name=nonce]");
  const encoder = new TextEncoder();
  const note = form.querySelector("[data-without-scripts]");
  if (note) note.hidden = true; // the script does the check: no wait
  let done = null;

  function zeroBits(bytes) {
    let count = 0;
    for (const byte of bytes) {
      if (byte === 0) { count += 8; continue; }
      return count + Math.clz32(byte) - 24;
    }
    return count;
  }

  async function work() {
    for (let candidate = 0; ; candidate += 1) {
      const text = challenge.value + ":" + candidate;
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
      if (zeroBits(digest) >= bits) return String(candidate);
    }
  }

  done = work().then(function (found) { nonce.value = found; return found; });

  form.addEventListener("submit", function (event) {
    if (nonce.value) return;
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    done.then(function () { form.submit(); });
  });
})();

// Behaviour the pages declare with data attributes, so that they need no inline scripts (the Content-Security-Policy
// allows scripts from this server only): data-submit-on-change sends its form when the choice changes;
// data-check-all="selector" ticks or unticks every checkbox the selector finds; an htmx element with
// data-pause-while="selector" does not refresh itself while the selector finds anything (e.g. rows being picked).
document.addEventListener('change', function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute('data-submit-on-change') && field.form) {
        field.form.submit();
    }
    if (field.hasAttribute && field.hasAttribute('data-check-all')) {
        document.querySelectorAll(field.getAttribute('data-check-all')).forEach(function (box) {
            box.checked = field.checked;
        });
    }
});

document.addEventListener('htmx:beforeRequest', function (event) {
    var pauseWhile = event.detail.elt && event.detail.elt.getAttribute('data-pause-while');
    if (pauseWhile && document.querySelector(pauseWhile)) {
        event.preventDefault();
    }
});

// A page with data-alarm (a refused scan) also sounds: the person at the scanner looks at the goods, not the screen.
document.addEventListener('DOMContentLoaded', function () {
    if (!document.querySelector('[data-alarm]') || !window.AudioContext) {
        return;
    }
    try {
        var audio = new AudioContext();
        var tone = audio.createOscillator();
        tone.frequency.value = 220;
        tone.connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.3);
    } catch (e) {
        // no sound where the browser allows none: the word is on the page
    }
});

// data-enter-next="id": a scanner types a code and Enter; in such a field Enter goes on to the field with that id
// instead of sending the form (the last field of a scanner form sends it), so bin, article, quantity and target bin
// are scanned one after the other.
document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key === 'Enter' && field.hasAttribute && field.hasAttribute('data-enter-next')) {
        var next = document.getElementById(field.getAttribute('data-enter-next'));
        if (next) {
            event.preventDefault();
            next.focus();
            if (next.select) {
                next.select();
            }
        }
    }
});

// The page's title names the shop too (the layout's data-shop-name): "Orders · Ordo Demo GmbH" in the tab and history.
document.addEventListener('DOMContentLoaded', function () {
    var shop = document.documentElement.getAttribute('data-shop-name');
    if (shop && document.title.indexOf(shop) < 0) {
        document.title = document.title + ' · ' + shop;
    }
});

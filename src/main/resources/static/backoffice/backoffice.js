// Behaviour the pages declare with data attributes, so that they need no inline scripts (the Content-Security-Policy
// allows scripts from this server only): data-submit-on-change sends its form when the choice changes;
// data-check-all="selector" ticks or unticks every checkbox the selector finds.
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

// The admin center's only script: no inline scripts are allowed by its Content-Security-Policy.
(function () {
    'use strict';

    function meta(name) {
        var element = document.querySelector('meta[name="' + name + '"]');
        return element ? element.getAttribute('content') : null;
    }

    // htmx requests carry the CSRF token as a header, like forms carry it as a field.
    document.addEventListener('htmx:configRequest', function (event) {
        var header = meta('csrf-header');
        var token = meta('csrf-token');
        if (header && token) {
            event.detail.headers[header] = token;
        }
    });

    // A signed-out session answers htmx with the sign-in page: go there instead of swapping it into a fragment.
    document.addEventListener('htmx:beforeSwap', function (event) {
        var url = event.detail.xhr && event.detail.xhr.responseURL;
        if (url && new URL(url).pathname === '/login') {
            event.detail.shouldSwap = false;
            window.location.href = '/login';
        }
    });

    // Destructive actions ask first: <form data-confirm="..."> or <button data-confirm="...">.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var message = (event.submitter && event.submitter.dataset.confirm) || form.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // A region that scrolls by itself (a wide table on a phone) can be reached with the keyboard to scroll it.
    function focusableScrolling(root) {
        root.querySelectorAll('.table-responsive').forEach(function (region) {
            if (!region.hasAttribute('tabindex')) {
                region.tabIndex = 0;
            }
        });
    }
    document.addEventListener('htmx:afterSwap', function (event) {
        focusableScrolling(event.detail.target);
    });

    function start() {
        focusableScrolling(document);
        // Charts are configured by the server: <canvas data-chart="{...Chart.js configuration...}">.
        if (window.Chart) {
            document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
                new window.Chart(canvas, JSON.parse(canvas.dataset.chart));
            });
        }
        // "Select all" ticks every row of its table.
        document.querySelectorAll('input[data-select-all]').forEach(function (box) {
            box.addEventListener('change', function () {
                document.querySelectorAll('input[name="' + box.dataset.selectAll + '"]').forEach(function (row) {
                    row.checked = box.checked;
                });
            });
        });
        // A bulk license change warns before it is sent when ticked users have no usage location (a license needs one).
        var bulk = document.getElementById('bulk');
        var warning = document.getElementById('bulk-location-warning');
        if (bulk && warning) {
            var warn = function () {
                var mode = bulk.querySelector('input[name="mode"]:checked');
                var location = bulk.querySelector('select[name="usageLocation"]');
                var count = bulk.querySelectorAll('input[name="user"][data-no-location]:checked').length;
                warning.querySelector('[data-count]').textContent = String(count);
                warning.hidden = count === 0 || (mode !== null && mode.value === 'remove')
                    || (location !== null && location.value !== '');
            };
            bulk.addEventListener('change', warn);
            warn();
        }
        // Parts of a form shown only for one choice: <div data-shown-when="membershipType=Dynamic">.
        document.querySelectorAll('[data-shown-when]').forEach(function (part) {
            var condition = part.dataset.shownWhen.split('=');
            var radios = document.querySelectorAll('input[name="' + condition[0] + '"]');
            function update() {
                var chosen = document.querySelector('input[name="' + condition[0] + '"]:checked');
                part.hidden = !chosen || chosen.value !== condition[1];
            }
            radios.forEach(function (radio) { radio.addEventListener('change', update); });
            update();
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();

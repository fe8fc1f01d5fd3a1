// congkhai serve: reloads the page after each rebuild, keeping the scroll position, and
// shows content errors over the page. Added by the preview server only; never published.
(function () {
  "use strict";
  var me = document.currentScript;
  var site = me ? me.getAttribute("data-site") : null;
  var key = "congkhai-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var xy = saved.split(",");
    window.addEventListener("load", function () {
      window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
    });
  }

  function overlay(errors) {
    var old = document.getElementById("congkhai-loi");
    if (old) old.remove();
    if (!errors.length) return;
    var box = document.createElement("section");
    box.id = "congkhai-loi";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
      "z-index:2147483647;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;" +
      "padding:1rem 1.5rem;font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px #0003";
    var title = document.createElement("h2");
    title.style.cssText = "margin:0 0 .5rem;font-size:1.1rem";
    title.textContent = "Nội dung có " + errors.length +
      " lỗi: đang hiển thị bản dựng tốt gần nhất. Sửa tệp rồi lưu, thông báo này tự biến mất.";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2rem";
    errors.forEach(function (e) {
      var item = document.createElement("li");
      var place = document.createElement("code");
      place.textContent = e.place;
      item.appendChild(place);
      item.appendChild(document.createTextNode(": " + e.message));
      if (e.help) {
        var help = document.createElement("div");
        help.style.cssText = "color:#444";
        help.textContent = "Gợi ý: " + e.help;
        item.appendChild(help);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  function poll(since) {
    var url = "/__congkhai/events" + (since === null ? "" : "?since=" + since);
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) {
        if (site !== null && String(status.site) !== site) {
          sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
          location.reload();
          return;
        }
        overlay(status.errors);
        poll(status.version);
      })
      .catch(function () { setTimeout(function () { poll(null); }, 1000); });
  }
  poll(null);
})();

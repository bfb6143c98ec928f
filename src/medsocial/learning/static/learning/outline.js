// Drag and drop in the instructor's course outline: modules among modules, lessons within a
// module or into another one. The arrow buttons stay the keyboard and screen reader way.
// A drop sends the whole new order of one parent; the server answers with the outline as it
// stored it, which replaces this one, so the page never shows an order that was not saved.
// No inline handlers: the Content-Security-Policy forbids them.
(function () {
  "use strict";

  var MODULE = "data-outline-module";
  var LESSON = "data-outline-lesson";
  var LESSONS = "data-outline-lessons";
  var FAILED = "The new order could not be saved. Reload the page and try again.";

  var drag = null; // {item, kind, parent, next}: what is being dragged and where it came from
  var mark = null; // {element, where}: where it would land, as shown to the person
  var pending = null; // the drag whose order is being saved, with the outline's container

  function elementOf(target) {
    return target instanceof Element ? target : target && target.parentElement;
  }

  function outlineOf(element) {
    return element ? element.closest("[data-outline]") : null;
  }

  function clearMark() {
    if (mark) mark.element.classList.remove("outline-drop-before", "outline-drop-after", "outline-drop-into");
    mark = null;
  }

  function showMark(spot) {
    if (mark && mark.element === spot.element && mark.where === spot.where) return;
    clearMark();
    spot.element.classList.add("outline-drop-" + spot.where);
    mark = spot;
  }

  function halfOf(element, event) {
    var box = element.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? "before" : "after";
  }

  // Where the dragged item lands if dropped now, or null where it cannot go: a module goes
  // before or after another module; a lesson before or after another lesson of the same
  // course, or at the end of the lessons of the module it is over.
  function landing(event) {
    var over = elementOf(event.target);
    if (!over || outlineOf(over) !== outlineOf(drag.item)) return null;
    if (drag.kind === "module") {
      var module = over.closest("[" + MODULE + "]");
      if (!module || module === drag.item) return null;
      return {element: module, where: halfOf(module, event)};
    }
    var lesson = over.closest("[" + LESSON + "]");
    if (lesson) return lesson === drag.item ? null : {element: lesson, where: halfOf(lesson, event)};
    var owner = over.closest("[" + MODULE + "]");
    return owner ? {element: owner.querySelector("[" + LESSONS + "]"), where: "into"} : null;
  }

  function place(item, spot) {
    if (spot.where === "before") spot.element.parentNode.insertBefore(item, spot.element);
    else if (spot.where === "after") spot.element.parentNode.insertBefore(item, spot.element.nextSibling);
    else spot.element.appendChild(item);
  }

  function childIds(parent, attribute) {
    return Array.prototype.filter.call(parent.children, function (child) {
      return child.hasAttribute(attribute);
    }).map(function (child) {
      return child.getAttribute(attribute);
    });
  }

  function showFailure(container, text) {
    var old = container.querySelector(".outline-message");
    if (old) old.remove();
    var message = document.createElement("p");
    message.className = "message message-error outline-message";
    message.setAttribute("role", "alert");
    message.textContent = text;
    container.insertBefore(message, container.firstChild);
  }

  function restore(moved) {
    moved.parent.insertBefore(moved.item, moved.next);
  }

  function save(moved) {
    var outline = outlineOf(moved.item);
    var container = outline.parentElement;
    var values;
    if (moved.kind === "module") {
      values = {module_ids: childIds(outline, MODULE)};
    } else {
      var list = moved.item.parentElement;
      values = {module_id: list.getAttribute(LESSONS), lesson_ids: childIds(list, LESSON)};
    }
    if (!window.htmx) {
      restore(moved);
      showFailure(container, FAILED);
      return;
    }
    pending = {item: moved.item, parent: moved.parent, next: moved.next, container: container};
    outline.setAttribute("aria-busy", "true");
    // The CSRF token travels in the hx-headers the page layout sets on <body>.
    window.htmx.ajax("POST", outline.getAttribute("data-order-url"), {
      source: container, target: container, swap: "innerHTML", values: values
    });
  }

  function endDrag() {
    if (!drag) return;
    drag.item.classList.remove("outline-dragging");
    clearMark();
    drag = null;
  }

  document.addEventListener("dragstart", function (event) {
    var origin = elementOf(event.target);
    var item = origin && origin.closest("[" + MODULE + "], [" + LESSON + "]");
    var outline = outlineOf(item);
    if (!item || !outline) return;
    if (pending) {
      event.preventDefault(); // one order at a time: the next drag starts from the saved outline
      return;
    }
    drag = {item: item, kind: item.hasAttribute(MODULE) ? "module" : "lesson",
            parent: item.parentNode, next: item.nextSibling};
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute(MODULE) || item.getAttribute(LESSON));
    item.classList.add("outline-dragging");
  });

  function onDragOver(event) {
    if (!drag) return;
    var spot = landing(event);
    if (!spot) {
      clearMark();
      return;
    }
    event.preventDefault(); // accept the drop here
    event.dataTransfer.dropEffect = "move";
    showMark(spot);
  }

  document.addEventListener("dragenter", onDragOver);
  document.addEventListener("dragover", onDragOver);

  document.addEventListener("drop", function (event) {
    if (!drag) return;
    var spot = landing(event);
    var moved = drag;
    endDrag();
    if (!spot) return;
    event.preventDefault();
    place(moved.item, spot);
    if (moved.item.parentNode === moved.parent && moved.item.nextSibling === moved.next) return;
    save(moved);
  });

  document.addEventListener("dragend", endDrag);

  // The server answers a refused order with the outline and its message (status 400 or 403):
  // swap it in like a success. Anything else (a sign-in page after the session ended, a
  // server error) must not land inside the outline.
  // Whether the event belongs to the request saving a dropped order (not to an arrow button's).
  function savingOrder(event) {
    var config = event.detail.requestConfig;
    return pending !== null && !!config && config.elt === pending.container;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var container = event.detail.target;
    if (!container || !container.querySelector(":scope > [data-outline]")) return;
    var response = event.detail.xhr.responseText || "";
    if (response.indexOf("data-order-url=") !== -1) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      return;
    }
    event.detail.shouldSwap = false;
    if (savingOrder(event)) restore(pending);
    showFailure(container, FAILED);
  });

  document.addEventListener("htmx:sendError", function (event) {
    if (!savingOrder(event)) return;
    restore(pending);
    showFailure(pending.container, FAILED);
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (!savingOrder(event)) return;
    var outline = pending.container.querySelector(":scope > [data-outline]");
    if (outline) outline.removeAttribute("aria-busy");
    pending = null;
  });
})();

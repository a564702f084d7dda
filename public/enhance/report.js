/*
 * The report pages' enhancements (/report and /report/case), which ship no framework
 * (docs/performance.md, "Lean pages"). Each page is complete without this script; with it:
 * - the service list keeps only the chosen unit's services, none for "I do not know the unit",
 *   and every unit's while no unit is chosen (the page lists them all, grouped per unit);
 * - the receipt's print button appears and prints.
 * It sends nothing anywhere and stores nothing. Plain ES2017, loaded as is (no build step):
 * keep it small, and keep app/components/report in step with the attributes it reads.
 */
(() => {
  "use strict";
  const unit = document.getElementById("unit");
  const service = document.getElementById("serviceId");
  if (unit instanceof HTMLSelectElement && service instanceof HTMLSelectElement) {
    const groups = Array.from(service.querySelectorAll("optgroup[data-unit]"));
    const narrow = () => {
      const kept = service.value;
      groups.forEach((group) => group.remove());
      groups.forEach((group) => {
        if (unit.value === "" || group.getAttribute("data-unit") === unit.value) service.append(group);
      });
      service.value = kept;
      if (service.value !== kept) service.value = "";
    };
    unit.addEventListener("change", narrow);
    window.addEventListener("pageshow", narrow);
    narrow();
  }
  document.querySelectorAll("button[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
})();

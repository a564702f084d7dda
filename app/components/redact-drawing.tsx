/**
 * An enhancement of the redaction form: with JavaScript, the moderator can drag a rectangle on
 * the image and it is written into the first empty row of number inputs (or the last row).
 * The number inputs stay the source of truth and work alone; boxes are drawn only in the
 * browser, through the style object (CSSOM), which the Content-Security-Policy allows.
 */
import { useEffect, useState, type PointerEvent, type RefObject } from "react";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const PARTS = ["x", "y", "w", "h"] as const;
const round = (n: number) => Math.round(Math.min(100, Math.max(0, n)) * 10) / 10;

function input(form: HTMLFormElement, row: number, part: (typeof PARTS)[number]): HTMLInputElement | null {
  const element = form.elements.namedItem(`areas[${row}].${part}`);
  return element instanceof HTMLInputElement ? element : null;
}

function readBoxes(form: HTMLFormElement, rows: number): Box[] {
  const boxes: Box[] = [];
  for (let row = 0; row < rows; row++) {
    const values = PARTS.map((part) => input(form, row, part)?.value ?? "");
    if (values.some((v) => v === "")) continue;
    const [x, y, w, h] = values.map(Number) as [number, number, number, number];
    if ([x, y, w, h].every(Number.isFinite)) boxes.push({ x, y, w, h });
  }
  return boxes;
}

export function RedactDrawing({ src, alt, hint, rows, formRef }: { src: string; alt: string; hint: string; rows: number; formRef: RefObject<HTMLFormElement> }) {
  const [enhanced, setEnhanced] = useState(false);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);

  useEffect(() => {
    setEnhanced(true);
    const form = formRef.current;
    if (!form) return;
    const refresh = () => setBoxes(readBoxes(form, rows));
    refresh();
    form.addEventListener("input", refresh);
    return () => form.removeEventListener("input", refresh);
  }, [formRef, rows]);

  if (!enhanced) return null;

  const point = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: round(((event.clientX - rect.left) / rect.width) * 100), y: round(((event.clientY - rect.top) / rect.height) * 100) };
  };
  const finish = () => {
    const form = formRef.current;
    if (!drag || !form) return setDrag(null);
    const box = { x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), w: round(Math.abs(drag.x1 - drag.x0)), h: round(Math.abs(drag.y1 - drag.y0)) };
    setDrag(null);
    if (box.w < 0.5 || box.h < 0.5) return;
    let row = rows - 1;
    for (let r = 0; r < rows; r++) {
      if (PARTS.every((part) => (input(form, r, part)?.value ?? "") === "")) {
        row = r;
        break;
      }
    }
    for (const part of PARTS) {
      const element = input(form, row, part);
      if (element) element.value = String(box[part]);
    }
    setBoxes(readBoxes(form, rows));
  };
  const live = drag ? { x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), w: Math.abs(drag.x1 - drag.x0), h: Math.abs(drag.y1 - drag.y0) } : null;

  return (
    <div className="redact-drawing">
      <p className="hint">{hint}</p>
      <div
        className="redact-surface"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          const p = point(event);
          setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          const p = point(event);
          setDrag({ ...drag, x1: p.x, y1: p.y });
        }}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(null)}
      >
        <img src={src} alt={alt} draggable={false} />
        {[...boxes, ...(live ? [live] : [])].map((b, i) => (
          <span key={i} className="redact-box" style={{ left: `${b.x}%`, top: `${b.y}%`, width: `${b.w}%`, height: `${b.h}%` }} />
        ))}
      </div>
    </div>
  );
}

/**
 * Blacking out areas of an evidence photo. The moderator gives rectangles in percent of the
 * image; the copy is composed from the cleaned original with opaque black boxes and
 * re-encoded without any metadata (sharp keeps none unless asked), in the original's format.
 */
import sharp from "sharp";
import type { Area } from "./casework-schema";

const REDACTABLE_TYPES = ["image/jpeg", "image/png"] as const;

export function isRedactable(mediaType: string): boolean {
  return (REDACTABLE_TYPES as readonly string[]).includes(mediaType);
}

/** Percent rectangles → whole pixels, always covering at least the area asked for. */
export function toPixels(area: Area, width: number, height: number) {
  const left = Math.max(0, Math.floor((area.x / 100) * width));
  const top = Math.max(0, Math.floor((area.y / 100) * height));
  const right = Math.min(width, Math.ceil(((area.x + area.w) / 100) * width));
  const bottom = Math.min(height, Math.ceil(((area.y + area.h) / 100) * height));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

export async function redactImage(original: Buffer, mediaType: string, areas: readonly Area[]): Promise<Buffer> {
  const image = sharp(original, { failOn: "error" });
  const { width, height } = await image.metadata();
  if (!width || !height) throw new Error("image without dimensions");
  const boxes = await Promise.all(
    areas.map(async (area) => {
      const box = toPixels(area, width, height);
      const input = await sharp({ create: { width: box.width, height: box.height, channels: 3, background: { r: 0, g: 0, b: 0 } } })
        .png()
        .toBuffer();
      return { input, left: box.left, top: box.top };
    }),
  );
  const composed = image.composite(boxes);
  return mediaType === "image/png" ? composed.png().toBuffer() : composed.jpeg({ quality: 90 }).toBuffer();
}

/**
 * Headers sent with every page. The policy allows only this origin's own scripts (plus the
 * per-request nonce for Remix's inline bootstrap): no third-party script can run on a page.
 */
export function applySecurityHeaders(headers: Headers, nonce: string, options: { captcha: boolean } = { captcha: false }): void {
  // hCaptcha's widget is the one third-party script allowed, and only when it is configured.
  const captcha = options.captcha ? " https://hcaptcha.com https://*.hcaptcha.com" : "";
  headers.set(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${captcha}`,
      `style-src 'self'${captcha}`,
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${captcha}`,
      `frame-src${captcha || " 'none'"}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
}

/**
 * The hCaptcha widget of a public form that writes, with the sentence that tells the reader
 * it needs JavaScript and what its provider receives. Without keys there is nothing to show:
 * that verification is off concerns operators, who read it in the server's start-up log.
 */
export function CaptchaField({ siteKey, nonce, notice }: { siteKey: string | null; nonce: string; notice: string }) {
  if (!siteKey) return null;
  return (
    <>
      <p className="hint">{notice}</p>
      <div className="h-captcha" data-sitekey={siteKey} />
      <script src="https://js.hcaptcha.com/1/api.js" async defer nonce={nonce} />
    </>
  );
}

/**
 * The hCaptcha widget of a public form that writes, with the sentence that tells the reader
 * it needs JavaScript and what its provider receives; without keys, a note that it is off.
 */
export function CaptchaField({ siteKey, nonce, notice, off }: { siteKey: string | null; nonce: string; notice: string; off: string }) {
  if (!siteKey) return <p className="hint">{off}</p>;
  return (
    <>
      <p className="hint">{notice}</p>
      <div className="h-captcha" data-sitekey={siteKey} />
      <script src="https://js.hcaptcha.com/1/api.js" async defer nonce={nonce} />
    </>
  );
}

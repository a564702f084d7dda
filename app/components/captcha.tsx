/**
 * The challenge a public form shows only when a suspicion signal fired (docs/integrity.md).
 * With hCaptcha configured: its widget, the sentence saying what the provider receives, and
 * what to do without JavaScript. Without it: the portal's own question, a plain field that
 * works without JavaScript. The `captcha-required` marker lets a page (and its tests) see
 * that a challenge is being asked.
 */
import type { Challenge } from "~/security/challenge.server";

export interface ChallengeText {
  heading: string;
  /** The portal's own question, already filled in ("Berapa 3 + 4?"). */
  question: string;
  hcaptchaNotice: string;
  noScript: string;
}

export function ChallengeField({ challenge, nonce, text }: { challenge: Challenge; nonce: string; text: ChallengeText }) {
  return (
    <fieldset className="challenge" data-captcha-required="">
      <legend>{text.heading}</legend>
      {challenge.kind === "hcaptcha" ? (
        <>
          <p className="hint">{text.hcaptchaNotice}</p>
          <noscript>
            <p className="hint">{text.noScript}</p>
          </noscript>
          <div className="h-captcha" data-sitekey={challenge.siteKey} />
          <script src="https://js.hcaptcha.com/1/api.js" async defer nonce={nonce} />
        </>
      ) : (
        <div className="field">
          <input type="hidden" name="challengeProof" value={challenge.proof} />
          <label htmlFor="challengeAnswer">{text.question}</label>
          <input id="challengeAnswer" name="challengeAnswer" type="text" inputMode="numeric" autoComplete="off" maxLength={3} required />
        </div>
      )}
    </fieldset>
  );
}

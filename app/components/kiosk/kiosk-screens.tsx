/**
 * The counter kiosk's screens. Without JavaScript each tap is a form post and the server
 * shows the next question (answers so far in hidden fields). With JavaScript the same form
 * is answered on the device, the finished rating goes to the outbox (app/kiosk/queue.ts)
 * and is sent from there, and the screen goes back to the start after a short idle time.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Face } from "~/components/kiosk/faces";
import { enqueue, flushOutbox, newDeviceToken, readOutbox } from "~/kiosk/queue";
import { DONE_SECONDS, IDLE_SECONDS, nextStep, PROFILE_CHOICES, ratingOf, REPORT_SECONDS, type KioskStep, type PROFILE_STEPS } from "~/kiosk/steps";
import { SKM_ELEMENTS } from "~/regulation/skm";
import { COERCION_CHOICES } from "~/skm/form-schema";

/** Without JavaScript, a page that goes back to the start by itself after `seconds`. */
function RefreshTo({ seconds }: { seconds: number }) {
  return (
    <noscript>
      <meta httpEquiv="refresh" content={`${seconds};url=/kiosk`} />
    </noscript>
  );
}

export function KioskRefused() {
  const { t } = useTranslation("kiosk");
  return (
    <div className="kiosk-screen">
      <h1>{t("refused.title")}</h1>
      <p className="kiosk-lead">{t("refused.body")}</p>
      <p>
        <a className="button" href="/kiosk/pair">
          {t("refused.pair")}
        </a>
      </p>
    </div>
  );
}

export interface ReportOffer {
  url: string;
  qrSvg: string;
}

export function KioskDone({ onAgain, report }: { onAgain?: () => void; report: ReportOffer | null }) {
  const { t } = useTranslation("kiosk");
  // Someone who was pressed for a good rating gets time to note the report address.
  const seconds = report ? REPORT_SECONDS : DONE_SECONDS;
  return (
    <div className="kiosk-screen kiosk-done">
      <RefreshTo seconds={seconds} />
      <h1 tabIndex={-1}>{t("done.title")}</h1>
      <p className="kiosk-lead">{t("done.body")}</p>
      {report ? (
        <section className="kiosk-report" aria-labelledby="kiosk-report-heading">
          <h2 id="kiosk-report-heading">{t("coercion.reportHeading")}</h2>
          <p>{t("coercion.reportBody")}</p>
          {/* The SVG comes from the qrcode library on the server, never from user input. */}
          <div className="kiosk-report-qr" role="img" aria-label={t("coercion.reportQr")} dangerouslySetInnerHTML={{ __html: report.qrSvg }} />
          <p>
            <a href={report.url}>{report.url}</a>
          </p>
        </section>
      ) : null}
      <p>{t("done.next")}</p>
      <p>
        {onAgain ? (
          <button type="button" className="button kiosk-again" onClick={onAgain}>
            {t("done.again")}
          </button>
        ) : (
          <a className="button kiosk-again" href="/kiosk">
            {t("done.again")}
          </a>
        )}
      </p>
    </div>
  );
}

interface FlowProps {
  unitName: string;
  services: ReadonlyArray<{ id: number; name: string }>;
  steps: KioskStep[];
  report: ReportOffer;
  initialAnswers: Record<string, string>;
  initialToken: string;
  paced: boolean;
  invalid: boolean;
}

export function KioskFlow({ unitName, services, steps, report, initialAnswers, initialToken, paced, invalid }: FlowProps) {
  const { t } = useTranslation("kiosk");
  const [answers, setAnswers] = useState(initialAnswers);
  const [token, setToken] = useState(initialToken);
  const [done, setDone] = useState<false | { coerced: boolean }>(false);
  const [pending, setPending] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const restart = useCallback(() => {
    setAnswers({});
    setToken(newDeviceToken());
    setDone(false);
  }, []);

  // Sending the outbox: now, when the network comes back, and again after a pause.
  const send = useCallback(async () => {
    clearTimeout(retry.current);
    const result = await flushOutbox(setPending);
    if (result.kind === "wait") retry.current = setTimeout(() => void send(), result.seconds * 1000);
    else if (result.kind === "offline") retry.current = setTimeout(() => void send(), 15_000);
    // A revoked device: the page itself now says so.
    else if (result.kind === "refused") window.location.reload();
  }, []);
  useEffect(() => {
    setPending(readOutbox().length);
    void send();
    const online = () => void send();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(retry.current);
    };
  }, [send]);

  // The next visitor never sees the last one's answers.
  const answered = Object.keys(answers).length;
  useEffect(() => {
    if (!done && answered === 0) return;
    const timer = setTimeout(restart, (done ? (done.coerced ? REPORT_SECONDS : DONE_SECONDS) : IDLE_SECONDS) * 1000);
    return () => clearTimeout(timer);
  }, [done, answered, restart]);

  const step = nextStep(steps, answers);
  // Each new question is announced as a new page would be.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step, done]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const button = (event.nativeEvent as SubmitEvent).submitter;
    if (!(button instanceof HTMLButtonElement) || !button.name) return;
    event.preventDefault();
    const next = { ...answers, [button.name]: button.value };
    if (nextStep(steps, next) !== null) {
      setAnswers(next);
      return;
    }
    enqueue({ token, rating: ratingOf(token, next) });
    setDone({ coerced: next.coercion === "yes" });
    void send();
  };

  if (done) return <KioskDone onAgain={restart} report={done.coerced ? report : null} />;

  const pendingNote = pending > 0 ? <p className="kiosk-pending">{t("screen.pending", { count: pending })}</p> : null;
  return (
    <div className="kiosk-screen">
      {answered > 0 ? <RefreshTo seconds={IDLE_SECONDS} /> : null}
      <p className="kiosk-unit">{unitName}</p>
      <div role="status">{pendingNote}</div>
      {invalid ? (
        <p className="form-message" role="alert">
          {t("screen.invalid")}
        </p>
      ) : null}
      <form method="post" action="/kiosk" onSubmit={onSubmit}>
        <input type="hidden" name="token" value={token} />
        {Object.entries(answers).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {paced || step === null ? <PacedScreen headingRef={heading} /> : <StepScreen step={step} services={services} headingRef={heading} />}
      </form>
      <p className="kiosk-footer">
        <span>{t("screen.privacy")}</span>
        {answered > 0 ? (
          <a href="/kiosk" onClick={(event) => (event.preventDefault(), restart())}>
            {t("screen.restart")}
          </a>
        ) : null}
      </p>
    </div>
  );
}

type HeadingRef = React.RefObject<HTMLHeadingElement>;

function PacedScreen({ headingRef }: { headingRef: HeadingRef }) {
  const { t } = useTranslation("kiosk");
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("paced.title")}
      </h1>
      <p className="kiosk-lead">{t("paced.body")}</p>
      <button type="submit" className="button button-primary kiosk-choice">
        {t("paced.retry")}
      </button>
    </>
  );
}

function StepScreen({
  step,
  services,
  headingRef,
}: {
  step: KioskStep;
  services: ReadonlyArray<{ id: number; name: string }>;
  headingRef: HeadingRef;
}) {
  const { t } = useTranslation("kiosk");
  const { t: tSkm } = useTranslation("skm");
  const elementIndex = (SKM_ELEMENTS as readonly string[]).indexOf(step);

  if (step === "serviceId") {
    return (
      <fieldset className="kiosk-question">
        <legend>
          <h1 ref={headingRef} tabIndex={-1}>
            {t("screen.welcome")}
          </h1>
          <span className="kiosk-question-text">{t("screen.service")}</span>
        </legend>
        <div className="kiosk-choices kiosk-services">
          {services.map((service) => (
            <button key={service.id} type="submit" name="serviceId" value={service.id} className="kiosk-choice">
              {service.name}
            </button>
          ))}
        </div>
      </fieldset>
    );
  }

  if (elementIndex >= 0) {
    return (
      <fieldset className="kiosk-question">
        <legend>
          <span className="kiosk-progress">{t("screen.progress", { n: elementIndex + 1, total: SKM_ELEMENTS.length })}</span>
          <h1 ref={headingRef} tabIndex={-1}>
            {tSkm(`questions.${step}.question`)}
          </h1>
        </legend>
        <div className="kiosk-choices kiosk-scale">
          {([1, 2, 3, 4] as const).map((value) => (
            <button key={value} type="submit" name={step} value={value} className={`kiosk-choice kiosk-choice-${value}`}>
              <Face value={value} />
              <span>{tSkm(`questions.${step}.${value}`)}</span>
            </button>
          ))}
        </div>
      </fieldset>
    );
  }

  if (step === "coercion") {
    return (
      <fieldset className="kiosk-question">
        <legend>
          <span className="kiosk-progress">{t("coercion.last")}</span>
          <h1 ref={headingRef} tabIndex={-1}>
            {t("coercion.question")}
          </h1>
        </legend>
        <div className="kiosk-choices">
          {COERCION_CHOICES.map((value) => (
            <button key={value} type="submit" name="coercion" value={value} className="kiosk-choice">
              {t(`coercion.${value}`)}
            </button>
          ))}
          <button type="submit" name="coercion" value="" className="kiosk-choice kiosk-skip">
            {t("screen.skip")}
          </button>
        </div>
      </fieldset>
    );
  }

  const profileStep = step as (typeof PROFILE_STEPS)[number];
  const label = { sex: "form.sex", ageBand: "form.age", education: "form.education", occupation: "form.occupation" }[profileStep];
  const optionKey = { sex: (v: string) => `form.sex${v}`, ageBand: (v: string) => `form.ages.${v}`, education: (v: string) => `form.educations.${v}`, occupation: (v: string) => `form.occupations.${v}` }[profileStep];
  return (
    <fieldset className="kiosk-question">
      <legend>
        <span className="kiosk-progress">{t("screen.profile")}</span>
        <h1 ref={headingRef} tabIndex={-1}>
          {tSkm(label)}
        </h1>
      </legend>
      <div className="kiosk-choices">
        {PROFILE_CHOICES[profileStep].map((value) => (
          <button key={value} type="submit" name={step} value={value} className="kiosk-choice">
            {tSkm(optionKey(value))}
          </button>
        ))}
        <button type="submit" name={step} value="" className="kiosk-choice kiosk-skip">
          {t("screen.skip")}
        </button>
      </div>
    </fieldset>
  );
}

/** Reading and answering the portal's own challenge question in a server-rendered form. */
export function challengeAsked(html: string): boolean {
  return html.includes("data-captcha-required");
}

/** The answer fields for the challenge in `html`: what a person would type after reading it. */
export function challengeAnswer(html: string): Record<string, string> {
  const question = /(?:Berapa|What is) (\d+) \+ (\d+)\?/.exec(html);
  const proof = /name="challengeProof" value="([^"]+)"/.exec(html);
  if (!question || !proof) throw new Error("no challenge question in the page");
  return { challengeProof: proof[1]!, challengeAnswer: String(Number(question[1]) + Number(question[2])) };
}

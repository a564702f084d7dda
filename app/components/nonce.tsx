import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The Content-Security-Policy nonce of this response, for Remix's inline scripts. */
export function useNonce(): string {
  return useContext(NonceContext);
}

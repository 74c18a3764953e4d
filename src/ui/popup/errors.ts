/** A failure as the popup says it: Chrome's wording for a sleeping background made plain. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome's wording when the background is not running or has no listener yet.
  if (/Receiving end does not exist|not listening|Could not establish connection/i.test(text)) {
    return "Ironstride's background service didn't answer. Try again in a moment.";
  }
  return text;
}

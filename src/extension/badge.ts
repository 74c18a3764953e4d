/** The toolbar badge: "!" when a calendar change left an accepted session breaking a rule. */
import { browser } from 'wxt/browser';

export async function setBadge(badge: { text: string; title: string }): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: badge.text });
  await action.setTitle({ title: badge.title });
  if (badge.text) await action.setBadgeBackgroundColor({ color: '#b42318' });
}

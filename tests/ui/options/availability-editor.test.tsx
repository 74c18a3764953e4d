import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AvailabilityEditor } from '../../../src/ui/options/AvailabilityEditor';
import { defaultAvailabilityForm } from '../../../src/ui/options/form-state';
import type { WindowForm } from '../../../src/ui/options/form-state';
import { errorIdFor, windowFieldId } from '../../../src/ui/options/issues';

const noop = (): void => undefined;
const from = windowFieldId('mon', 0, 'from');
const to = windowFieldId('mon', 0, 'to');

/** The editor with Monday open all day, and an error on the input `issueId` if given. */
function render(issueId?: string): string {
  const monday: WindowForm[] = [['06:00', '24:00']];
  return renderToStaticMarkup(
    <AvailabilityEditor
      value={{ ...defaultAvailabilityForm(), mon: monday }}
      weekStartsOn={1}
      onChange={noop}
      issueFor={(id) =>
        id === issueId ? { id, label: 'Monday', message: 'Ends before it starts' } : undefined
      }
    />,
  );
}

/** The attributes of the input with this id, in any order. */
function inputAttributes(html: string, id: string): Record<string, string> {
  const tag = html.match(new RegExp(`<input[^>]* id="${id}"[^>]*>|<input id="${id}"[^>]*>`))?.[0];
  if (!tag) throw new Error(`no input #${id}`);
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('AvailabilityEditor', () => {
  it('names both ends of every window for screen readers, in 5-minute steps', () => {
    const html = render();
    expect(html).toContain(
      `<label for="${from}" class="visually-hidden">Monday, window 1, from</label>`,
    );
    expect(html).toContain(
      `<label for="${to}" class="visually-hidden">Monday, window 1, until</label>`,
    );
    expect(inputAttributes(html, from)).toEqual({
      id: from,
      type: 'time',
      step: '300',
      value: '06:00',
    });
  });

  it('shows a 24:00 end as 23:59, which a time input can hold', () => {
    expect(inputAttributes(render(), to).value).toBe('23:59');
  });

  it('ties an error to the input it is about, and only that one', () => {
    const html = render(to);
    expect(inputAttributes(html, to)).toMatchObject({
      'aria-describedby': errorIdFor(to),
      'aria-invalid': 'true',
    });
    expect(inputAttributes(html, from)).not.toHaveProperty('aria-invalid');
    expect(html).toContain(
      `<p id="${errorIdFor(to)}" class="field-error">Ends before it starts</p>`,
    );
    expect(html.match(/aria-invalid/g)).toHaveLength(1);
  });
});

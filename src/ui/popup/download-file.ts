/**
 * Saves text as a file from an extension page: a Blob URL on a temporary `<a download>`. The URL
 * is revoked a moment later, not at once, because Firefox cancels a download whose URL is revoked
 * in the same task as the click.
 */
export function downloadFile(
  file: { filename: string; text: string; type?: string },
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type ?? 'text/calendar' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

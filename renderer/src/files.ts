/**
 * Files in and out of the page, the same way in Electron and in a browser: a file chosen in an
 * <input type=file> (Electron shows its native dialog for it) or dropped on the window is read
 * as base64 for the contract; a workbook from the backend is saved as a download (Electron
 * shows its native save dialog for it).
 */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('Filen kunne ikke læses.'));
    reader.readAsDataURL(file);
  });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBase64(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Lets the user pick one .xlsx file; resolves null when they cancel. */
export const pickWorkbook = (): Promise<File | null> => pickFile(`.xlsx,${XLSX_TYPE}`, 'excel-file-input');

/** Lets the user pick one portfolio file (.sqlite) received from another region. */
export const pickPortfolioFile = (): Promise<File | null> => pickFile('.sqlite,.sqlite3,.db', 'portfolio-file-input');

function pickFile(accept: string, testId: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = testId;
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * The frame both print previews share (print-preview.tsx for Bilag 1, status-print-preview.tsx for
 * the status report): the choices beside the sheet in the print view, Esc closes, and the three
 * buttons — «Luk», «Gem som PDF…» (main's printToPDF in the app, electron/print-pdf.ts; the
 * browser's print elsewhere) and «Udskriv…» (the page's own print; print-preview.css prints only
 * the sheet).
 */
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PrintDocument, PrintFooter } from '../../../shared/print/document';
import { isLandscape } from '../../../shared/print/document';
import { PrintView } from './print-view';
import './print-preview.css';

interface Props {
  title: string;
  testId: string;
  doc: PrintDocument;
  footer: PrintFooter;
  /** The PDF's suggested file name. */
  pdfName: string;
  /** Nothing to print (no pool or no year chosen). */
  empty?: boolean;
  onClose: () => void;
  children: ReactNode;
}

export function PrintFrame({ title, testId, doc, footer, pdfName, empty = false, onClose, children }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const bridge = window.puljeplan;
  const savePdf = async () => {
    if (!bridge) return window.print();
    const result = await bridge.printToPdf({ landscape: isLandscape(doc), footer, fileName: pdfName });
    if (!result.ok) setMessage(result.message);
    else if (result.saved) setMessage(`Gemt som «${result.saved}».`);
  };
  return createPortal(
    <div
      className="pp-print-portal"
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        e.stopPropagation();
      }}
    >
      <div className="pp-print-controls" role="dialog" aria-modal="true" aria-labelledby={`${testId}-heading`}>
        <h2 id={`${testId}-heading`}>{title}</h2>
        {children}
        {message && <p role="status">{message}</p>}
        <div className="pp-dialog-buttons">
          <button type="button" onClick={onClose}>
            Luk
          </button>
          <button type="button" disabled={empty} onClick={() => void savePdf()}>
            Gem som PDF…
          </button>
          <button type="button" className="pp-primary" disabled={empty} onClick={() => window.print()} autoFocus>
            Udskriv…
          </button>
        </div>
      </div>
      <div className="pp-print-sheet">
        <PrintView doc={doc} />
      </div>
    </div>,
    document.body,
  );
}

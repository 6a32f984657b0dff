/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

// mammoth ships no type declarations; this is the one call the ingest view makes.
declare module 'mammoth' {
  /** Plain text of a .docx, paragraphs separated by blank lines. */
  export function extractRawText(input: { arrayBuffer: ArrayBuffer; buffer?: ArrayBuffer }): Promise<{ value: string; messages: unknown[] }>
}

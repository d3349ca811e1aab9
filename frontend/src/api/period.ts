// The file formats ExportService.Export writes (its format argument).

export type ExportFormat = 'csv' | 'json';

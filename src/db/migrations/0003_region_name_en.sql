-- Regions' English names (Juancheng County), shown when the dashboard speaks English; '' where none is known.
ALTER TABLE regions ADD COLUMN name_en text NOT NULL DEFAULT '';

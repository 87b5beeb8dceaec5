package pipeline

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes o as one line of JSON: the bytes a json.Encoder with
// SetEscapeHTML(false) writes, but the lists of the record one element at
// a time, so that the JSON of a long document is never held whole in
// memory (a 50 MB text makes over 300 MB of it).
func WriteJSON(w io.Writer, o *Output) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	write := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	v := reflect.ValueOf(o).Elem()
	t := v.Type()
	sep := "{"
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && emptyJSON(fv) {
			continue
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		sep = ","
		if err := write(name); err != nil {
			return err
		}
		if _, err := io.WriteString(w, ":"); err != nil {
			return err
		}
		if fv.Kind() != reflect.Slice || fv.IsNil() {
			if err := write(fv.Interface()); err != nil {
				return err
			}
			continue
		}
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
		for j := range fv.Len() {
			if j > 0 {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			// A pointer: the element is not copied into an interface,
			// which for a long document's lists is most of its garbage.
			if err := write(fv.Index(j).Addr().Interface()); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "]"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "}\n")
	return err
}

// emptyJSON is encoding/json's test for omitempty.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

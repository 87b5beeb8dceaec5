package pipeline

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// DecodeValue converts a configuration value to the type of the setting it
// is for, the same way whether it came from YAML, the environment (always
// a string) or a flag, and refuses what does not fit instead of bending
// it: 1.5 is not a number of workers, a number without a unit is not a
// duration, and a number too large for an int is not one. It is a
// mapstructure decode hook.
func DecodeValue(from, to reflect.Type, data any) (any, error) {
	if to == reflect.TypeOf(time.Duration(0)) {
		switch v := data.(type) {
		case string:
			d, err := time.ParseDuration(strings.TrimSpace(v))
			if err != nil {
				return nil, fmt.Errorf("want a duration with a unit, such as 60s or 2m, got %q", v)
			}
			return d, nil
		case time.Duration:
			return v, nil
		}
		if f, ok := number(data); ok && f == 0 {
			return time.Duration(0), nil
		}
		return nil, fmt.Errorf("want a duration with a unit, such as 60s or 2m, got %v", data)
	}
	s, isString := data.(string)
	switch to.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		if isString {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("want a whole number, got %q", s)
			}
			data = n
		}
		f, ok := number(data)
		if !ok {
			return data, nil
		}
		// float64(math.MaxInt) is 2^63 (or 2^31): a uint64 over the int
		// range is caught here too.
		if f != math.Trunc(f) || f >= float64(math.MaxInt) || f < float64(math.MinInt) {
			return nil, fmt.Errorf("want a whole number that fits an int, got %v", data)
		}
		return data, nil
	case reflect.Float64, reflect.Float32:
		if isString {
			f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return nil, fmt.Errorf("want a number, got %q", s)
			}
			return f, nil
		}
	case reflect.Bool:
		if isString {
			b, err := strconv.ParseBool(strings.TrimSpace(s))
			if err != nil {
				return nil, fmt.Errorf("want true or false, got %q", s)
			}
			return b, nil
		}
	case reflect.Slice:
		if isString && to.Elem().Kind() == reflect.String { // READOUT_PIPELINE="paragraphs tokens"
			return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }), nil
		}
	}
	return data, nil
}

// number is a numeric value as a float64.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case int32:
		return float64(n), true
	case uint64:
		return float64(n), true
	case uint:
		return float64(n), true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	}
	return 0, false
}

package sources

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b bytes.Buffer
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.Bytes()
}

func TestReadDecoding(t *testing.T) {
	const sentence = "Møtet i Istanbul ble holdt 27. februar, sa ambassadøren.\n"
	tests := []struct {
		name     string
		data     []byte
		wantText string // expected stored text ("" when an error is expected)
		wantErr  error
	}{
		{"utf-8", []byte(sentence), sentence, nil},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sentence...), sentence, nil},
		{"utf-16 LE with BOM", utf16Bytes(sentence, false, true), sentence, nil},
		{"utf-16 BE with BOM", utf16Bytes(sentence, true, true), sentence, nil},
		{"utf-16 LE without BOM", utf16Bytes("The talks were held in Istanbul on Thursday.\n", false, false), "The talks were held in Istanbul on Thursday.\n", nil},
		{"latin-1", []byte("M\xf8tet i Istanbul ble holdt 27. februar, sa ambassad\xf8ren.\n"), sentence, nil},
		{"windows-1252 smart quotes", []byte("He said \x93we are ready\x94 \x96 and left.\n"), "He said “we are ready” – and left.\n", nil},
		{"windows-1252 euro and apostrophe", []byte("It costs 5 \x80, Lavrov\x92s aide said.\n"), "It costs 5 €, Lavrov’s aide said.\n", nil},
		{"invalid utf-8 repaired", []byte("Møtet i Istanbul ble holdt \xff 27. februar, sa ambassadøren.\n"), "Møtet i Istanbul ble holdt \uFFFD 27. februar, sa ambassadøren.\n", nil},
		{"nul byte", []byte("The talks\x00 were held.\n"), "", ErrBinary},
		{"png", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte("IHDR"), 20)...), "", ErrBinary},
		{"control bytes", bytes.Repeat([]byte{0x01, 0x02, 'a', 0x03, 0x04, 0x05}, 50), "", ErrBinary},
		{"empty", []byte{}, "", ErrEmpty},
		{"white space", []byte(" \n\t\r\n  "), "", ErrEmpty},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF, '\n'}, "", ErrEmpty},
		{"utf-16 BOM only", []byte{0xFF, 0xFE}, "", ErrEmpty},
		{"cp1251 russian is not windows-1252 text", []byte("\xcc\xe8\xed\xe8\xf1\xf2\xf0 \xe8\xed\xee\xf1\xf2\xf0\xe0\xed\xed\xfb\xf5 \xe4\xe5\xeb \xe7\xe0\xff\xe2\xe8\xeb.\n"), "", ErrUndecodable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := Read("in.txt", tt.data, Options{})
			if tt.wantErr != nil {
				if len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) {
					t.Fatalf("errs = %v, want %v", errs, tt.wantErr)
				}
				var ie *InputError
				if !errors.As(errs[0], &ie) || ie.Source != "in.txt" || !strings.HasPrefix(errs[0].Error(), "in.txt: ") {
					t.Errorf("error %q does not name the source", errs[0])
				}
				if len(arts) != 0 {
					t.Errorf("got %d articles with an error", len(arts))
				}
				return
			}
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("arts=%d errs=%v", len(arts), errs)
			}
			if arts[0].Text != tt.wantText {
				t.Errorf("Text = %q, want %q", arts[0].Text, tt.wantText)
			}
			if arts[0].Hash != hashHex(tt.data) {
				t.Errorf("Hash is not the SHA-256 of the raw bytes")
			}
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	data := []byte(strings.Repeat("Talks were held. ", 100))
	_, errs := Read("big.txt", data, Options{MaxSize: 100})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("errs = %v, want ErrTooLarge", errs)
	}
	if _, errs := Read("big.txt", data, Options{MaxSize: int64(len(data))}); len(errs) != 0 {
		t.Errorf("input of exactly MaxSize refused: %v", errs)
	}
}

// TestReadPlainTextIsIdentity checks the promise later stages rely on: for
// a UTF-8 plain-text file the stored text is the file byte for byte, so
// file offsets and text offsets agree.
func TestReadPlainTextIsIdentity(t *testing.T) {
	for _, f := range seedFiles(t) {
		data := readFile(t, f)
		arts, errs := Read(f, data, Options{})
		if len(errs) != 0 || len(arts) != 1 {
			t.Fatalf("%s: arts=%d errs=%v", f, len(arts), errs)
		}
		if arts[0].Text != string(data) {
			t.Errorf("%s: stored text differs from the file", f)
		}
	}
}

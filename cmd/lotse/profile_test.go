package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lotse-bot/lotse/config"
)

// TestProfileFromConfig: Lotse sets its display name and avatar (an image
// file) from the configuration at start.
func TestProfileFromConfig(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	avatar := filepath.Join(t.TempDir(), "lotse.png")
	if err := os.WriteFile(avatar, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	l := startLotse(t, copyLibrary(t), func(c *config.Config) {
		c.DisplayName, c.Avatar = "Lotse – Hilfe", avatar
	})
	m := newMember(t, "member")
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	for {
		p, err := m.Cli.GetProfile(ctx, l.userID)
		if err == nil && p.DisplayName == "Lotse – Hilfe" && !p.AvatarURL.IsEmpty() {
			data, err := m.Cli.DownloadBytes(ctx, p.AvatarURL)
			if err != nil || !bytes.Equal(data, buf.Bytes()) {
				t.Fatalf("avatar %s: %v (%d bytes)", p.AvatarURL, err, len(data))
			}
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("profile not set: %+v %v", p, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

package web_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/lotse-bot/lotse/web"
)

// TestLiveReloadOutlivesWriteTimeout: the live reload's event stream stays
// open past the server's WriteTimeout (`lotse guides serve` has one): each
// write sets a deadline of its own. Before, the stream broke at the first
// keep-alive after WriteTimeout and the page reconnected every time. The
// bubble's clock runs the minutes without waiting.
func TestLiveReloadOutlivesWriteTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		server, client := net.Pipe()
		ln := &queueListener{conns: make(chan net.Conn, 1), done: make(chan struct{})}
		ln.conns <- server
		srv := &http.Server{Handler: web.NewLiveReload(), ReadHeaderTimeout: 5 * time.Second, WriteTimeout: 30 * time.Second}
		served := make(chan error, 1)
		go func() { served <- srv.Serve(ln) }()
		defer func() {
			client.Close()
			srv.Close()
			<-served
		}()
		if _, err := io.WriteString(client, "GET "+web.LiveReloadPath+"events HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(bufio.NewReader(client), nil)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		r := bufio.NewReader(res.Body)
		pings := 0
		for pings < 4 {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("stream broke after %s (%d keep-alives): %v", time.Since(start), pings, err)
			}
			if strings.HasPrefix(line, ": ping") {
				pings++
			}
		}
	})
}

// queueListener hands out the connections queued in conns.
type queueListener struct {
	conns chan net.Conn
	done  chan struct{}
}

func (l *queueListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *queueListener) Close() error {
	select {
	case <-l.done:
	default:
		close(l.done)
	}
	return nil
}

func (l *queueListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

package httpserve

import (
	"io"
	"net"
	"testing"
	"testing/synctest"
)

// TestLimitListener: with n connections open the next one waits (Accept
// does not even ask the kernel) until one of them is closed; closing one
// twice frees one slot.
func TestLimitListener(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		inner := newPipeListener()
		ln := LimitListener(inner, 2)
		accepted := make(chan net.Conn, 4)
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					close(accepted)
					return
				}
				accepted <- c
			}
		}()
		var clients []net.Conn
		for range 4 {
			clients = append(clients, inner.dial())
		}
		synctest.Wait()
		if len(accepted) != 2 || inner.accepts.Load() != 2 {
			t.Fatalf("%d connections accepted (%d Accept calls), want 2", len(accepted), inner.accepts.Load())
		}
		first := <-accepted
		first.Close()
		first.Close()
		synctest.Wait()
		if len(accepted) != 2 || inner.accepts.Load() != 3 {
			t.Fatalf("after one closed: %d more accepted (%d Accept calls), want 2 open", len(accepted), inner.accepts.Load())
		}
		ln.Close()
		for c := range accepted {
			c.Close()
		}
		for _, c := range clients {
			c.Close()
		}
		for len(inner.conns) > 0 {
			(<-inner.conns).Close()
		}
	})
}

// TestLimitConnHalfClose: a limited TCP connection keeps CloseWrite, which
// net/http uses to end an answer without a reset.
func TestLimitConnHalfClose(t *testing.T) {
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := LimitListener(tcp, 1)
	defer ln.Close()
	client, err := net.Dial("tcp", tcp.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	server, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	cw, ok := server.(interface{ CloseWrite() error })
	if !ok {
		t.Fatal("no CloseWrite")
	}
	if _, err := io.WriteString(server, "Antwort"); err != nil {
		t.Fatal(err)
	}
	if err := cw.CloseWrite(); err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(client); err != nil || string(got) != "Antwort" {
		t.Fatalf("client read %q, %v", got, err)
	}
	if _, err := io.WriteString(client, "noch da"); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	if _, err := io.ReadFull(server, buf); err != nil || string(buf) != "noch da" {
		t.Fatalf("server read %q, %v after CloseWrite", buf, err)
	}
}

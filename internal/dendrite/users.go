package dendrite

import (
	"context"
	"fmt"

	"maunium.net/go/mautrix"
	"maunium.net/go/mautrix/id"
	"maunium.net/go/mautrix/synapseadmin"
)

// RegisterUser creates an account through shared-secret registration
// (POST /_synapse/admin/v1/register), which works although open registration
// is off. admin makes a server admin (exempt from rate limiting).
func (s *Server) RegisterUser(ctx context.Context, localpart, password string, admin bool) (id.UserID, error) {
	cli, err := mautrix.NewClient(s.URL, "", "")
	if err != nil {
		return "", fmt.Errorf("failed to create a Matrix client for %s: %w", s.URL, err)
	}
	resp, err := (&synapseadmin.Client{Client: cli}).SharedSecretRegister(ctx, s.SharedSecret, synapseadmin.ReqSharedSecretRegister{
		Username: localpart,
		Password: password,
		Admin:    admin,
	})
	if err != nil {
		return "", fmt.Errorf("failed to register %s: %w", localpart, err)
	}
	return resp.UserID, nil
}

// Login logs in with a password as a new device and returns a client that
// holds the access token, user ID and device ID.
func (s *Server) Login(ctx context.Context, localpart, password string) (*mautrix.Client, error) {
	cli, err := mautrix.NewClient(s.URL, "", "")
	if err != nil {
		return nil, fmt.Errorf("failed to create a Matrix client for %s: %w", s.URL, err)
	}
	_, err = cli.Login(ctx, &mautrix.ReqLogin{
		Type:                     mautrix.AuthTypePassword,
		Identifier:               mautrix.UserIdentifier{Type: mautrix.IdentifierTypeUser, User: localpart},
		Password:                 password,
		InitialDeviceDisplayName: "lotse test",
		StoreCredentials:         true,
	})
	if err != nil {
		return nil, fmt.Errorf("failed to log in as %s: %w", localpart, err)
	}
	return cli, nil
}

// UserID returns the full user ID of localpart on this server.
func (s *Server) UserID(localpart string) id.UserID {
	return id.NewUserID(localpart, s.ServerName)
}

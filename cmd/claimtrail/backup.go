package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newBackupCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:     "backup FILE",
		Short:   "Write a consistent copy of the database, even while others use it",
		Example: `  claimtrail backup evidence-2025-06-01.db`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBackup(cmd.Context(), app, args[0])
		},
	}
}

func runBackup(ctx context.Context, app *App, path string) error {
	db, err := app.openDB(ctx)
	if err != nil {
		return err
	}
	if err := db.Backup(ctx, path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !app.Quiet {
		fmt.Fprintf(app.Stderr, "backup written to %s\n", path)
	}
	return nil
}

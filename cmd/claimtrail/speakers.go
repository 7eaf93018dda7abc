package main

import (
	"context"
	"strings"

	"github.com/claimtrail/claimtrail/store"
)

// speakerCanon maps a speaker id that holds a surname only ("lavrov", from an
// article that never gives the first name) to the full id of the one stored
// person with that surname ("sergei-lavrov"), so the same person has one
// speaker_id across articles. A surname shared by two stored people stays
// as it is: a wrong merge is worse than none.
type speakerCanon map[string]string

func (app *App) loadSpeakerCanon(ctx context.Context, db *store.Store) (speakerCanon, error) {
	ids, err := db.SpeakerIDs(ctx)
	if err != nil {
		return nil, err
	}
	bySurname := map[string][]string{}
	for _, id := range ids {
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			sur := id[i+1:]
			bySurname[sur] = append(bySurname[sur], id)
		}
	}
	canon := speakerCanon{}
	for _, id := range ids {
		if strings.Contains(id, "-") {
			continue
		}
		if full := bySurname[id]; len(full) == 1 {
			canon[id] = full[0]
		}
	}
	return canon, nil
}

// apply returns the canonical id for id.
func (c speakerCanon) apply(id string) string {
	if full, ok := c[id]; ok {
		return full
	}
	return id
}

// rows rewrites the speaker ids of stored statements to their canonical form.
func (c speakerCanon) rows(rows []store.StatementRow) {
	for i := range rows {
		rows[i].SpeakerID = c.apply(rows[i].SpeakerID)
	}
}

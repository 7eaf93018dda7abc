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
	sps, err := db.Speakers(ctx)
	if err != nil {
		return nil, err
	}
	bySurname := map[string][]string{}
	for _, sp := range sps {
		if i := strings.LastIndexByte(sp.ID, '-'); i > 0 {
			sur := sp.ID[i+1:]
			bySurname[sur] = append(bySurname[sur], sp.ID)
		}
	}
	canon := speakerCanon{}
	for _, sp := range sps {
		if strings.Contains(sp.ID, "-") {
			continue
		}
		if full := bySurname[sp.ID]; len(full) == 1 {
			canon[sp.ID] = full[0]
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

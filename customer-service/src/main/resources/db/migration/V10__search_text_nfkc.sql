-- Search compares NFKC text (full-width digits and letters as Chinese input methods type them fold to
-- half-width), lower-cased: the platform's Text.searchKey. Rows written before keep the plain lower-case
-- text; fold them the same way so a half-width query finds a client whose name was typed full-width.
-- (search_text is already the lower-cased name, credit code and contacts; folding it again is the same as
-- folding each part: NFKC and lower-case both work character by character on these texts.)
update client set search_text = lower(normalize(search_text, NFKC)) where search_text is not normalized;

import { describe, expect, it } from 'vitest';
import { guessCsvMapping } from './csv-mapping';

describe('guessCsvMapping', () => {
  it("maps Outlook's export headers; its lone 'Title' is the courtesy title beside 'Job Title'", () => {
    expect(
      guessCsvMapping([
        'Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title',
        'Business Country/Region', 'Home Country/Region', "Assistant's Phone", 'Business Fax', 'Business Phone',
        'Mobile Phone', 'Pager', 'Categories', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address',
        'Language', 'Notes', 'Web Page',
      ]),
    ).toEqual({
      Title: 'honorific',
      'First Name': 'givenName',
      'Middle Name': 'givenName',
      'Last Name': 'familyName',
      Suffix: 'ignore',
      Company: 'organisation',
      Department: 'ignore',
      'Job Title': 'title',
      'Business Country/Region': 'country',
      'Home Country/Region': 'country',
      "Assistant's Phone": 'ignore',
      'Business Fax': 'phone',
      'Business Phone': 'phone',
      'Mobile Phone': 'phone',
      Pager: 'ignore',
      Categories: 'tags',
      'E-mail Address': 'email',
      'E-mail Type': 'ignore',
      'E-mail Display Name': 'ignore',
      'E-mail 2 Address': 'email',
      Language: 'languages',
      Notes: 'notes',
      'Web Page': 'ignore',
    });
  });

  it("maps Google's current and older export headers", () => {
    expect(
      guessCsvMapping([
        'First Name', 'Last Name', 'Name Prefix', 'Organization Name', 'Organization Title', 'Organization Department',
        'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Address 1 - Country',
        'Phonetic First Name', 'File As',
      ]),
    ).toEqual({
      'First Name': 'givenName',
      'Last Name': 'familyName',
      'Name Prefix': 'honorific',
      'Organization Name': 'organisation',
      'Organization Title': 'title',
      'Organization Department': 'ignore',
      Labels: 'tags',
      'E-mail 1 - Label': 'ignore',
      'E-mail 1 - Value': 'email',
      'Phone 1 - Label': 'ignore',
      'Phone 1 - Value': 'phone',
      'Address 1 - Country': 'country',
      'Phonetic First Name': 'ignore',
      'File As': 'ignore',
    });
    expect(
      guessCsvMapping(['Name', 'Given Name', 'Additional Name', 'Family Name', 'Group Membership', 'Email 1 - Type', 'Email 1 - Value', 'Organization 1 - Name', 'Organization 1 - Title']),
    ).toEqual({
      Name: 'displayName',
      'Given Name': 'givenName',
      'Additional Name': 'givenName',
      'Family Name': 'familyName',
      'Group Membership': 'tags',
      'Email 1 - Type': 'ignore',
      'Email 1 - Value': 'email',
      'Organization 1 - Name': 'organisation',
      'Organization 1 - Title': 'title',
    });
  });

  it('maps French and Spanish spreadsheet headers; "Nom" is the family name beside "Prénom", the full name alone', () => {
    expect(
      guessCsvMapping(['Civilité', 'Prénom', 'Nom', 'Fonction', 'Organisation', 'Pays', 'Courriel', 'Téléphone', 'Portable', 'Langues', 'Rôles', 'Date de nomination', 'Remarques']),
    ).toEqual({
      Civilité: 'honorific',
      Prénom: 'givenName',
      Nom: 'familyName',
      Fonction: 'title',
      Organisation: 'organisation',
      Pays: 'country',
      Courriel: 'email',
      Téléphone: 'phone',
      Portable: 'phone',
      Langues: 'languages',
      Rôles: 'roles',
      'Date de nomination': 'appointedOn',
      Remarques: 'notes',
    });
    expect(guessCsvMapping(['Nom', 'Courriel'])).toEqual({ Nom: 'displayName', Courriel: 'email' });
    expect(guessCsvMapping(['Nombre', 'Apellidos', 'Cargo', 'Institución', 'País', 'Correo electrónico'])).toEqual({
      Nombre: 'givenName',
      Apellidos: 'familyName',
      Cargo: 'title',
      Institución: 'organisation',
      País: 'country',
      'Correo electrónico': 'email',
    });
  });

  it('reads a lone "Title" as a position, and gives unknown or awkward headers "ignore"', () => {
    expect(guessCsvMapping(['Full Name', 'Title', 'Email', 'Tags', 'Role'])).toEqual({
      'Full Name': 'displayName',
      Title: 'title',
      Email: 'email',
      Tags: 'tags',
      Role: 'roles',
    });
    const odd = guessCsvMapping(['__proto__', 'constructor', 'Shoe size']);
    expect(Object.entries(odd)).toEqual([
      ['__proto__', 'ignore'],
      ['constructor', 'ignore'],
      ['Shoe size', 'ignore'],
    ]);
  });
});

/** View models the portal's templates render: plain records built from the module facades. */
package dev.tarmac.portal.view;
